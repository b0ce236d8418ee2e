// Downstream at /downstream/ for https://downstream.example: CloudFront Function (runtime cloudfront-js-2.0), associated
// with both viewer request and viewer response. Generated from src/integrations/host/ by `npm run deploy:config`.
// Also set the distribution's custom error responses: 403 and 404 → /downstream/404.html, response code 404.
var SITE = "https://downstream.example";
var BASE = "/downstream/";
var LEGACY = {};
var WORDPRESS_POSTS = {};
var HEADERS = {"content-security-policy":"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'","strict-transport-security":"max-age=63072000; includeSubDomains","x-content-type-options":"nosniff","referrer-policy":"strict-origin-when-cross-origin","permissions-policy":"camera=(), microphone=(), geolocation=(), payment=(), usb=()","cross-origin-opener-policy":"same-origin"};

function redirect(location) {
  var headers = { location: { value: location }, 'cache-control': { value: "no-cache" } };
  for (var name in HEADERS) headers[name] = { value: HEADERS[name] };
  return { statusCode: 301, statusDescription: 'Moved Permanently', headers: headers };
}

// CloudFront calls the function by this name.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function handler(event) {
  if (event.response) {
    var response = event.response;
    for (var name in HEADERS) response.headers[name] = { value: HEADERS[name] };
    return response;
  }
  var request = event.request;
  var uri = request.uri;
  if (LEGACY[uri]) return redirect(LEGACY[uri]);
  var post = request.querystring && request.querystring.p && request.querystring.p.value;
  if (post && (uri === BASE || uri === BASE + 'index.php') && WORDPRESS_POSTS[post]) return redirect(WORDPRESS_POSTS[post]);
  if (uri + '/' === BASE) return redirect(SITE + BASE);
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  if (last !== '' && last.indexOf('.') === -1) return redirect(SITE + uri + '/');
  if (uri.slice(-1) === '/') request.uri = uri + 'index.html';
  return request;
}
