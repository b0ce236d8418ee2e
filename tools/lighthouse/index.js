// The entry the repository's scripts import by path, so that `lighthouse` and `chrome-launcher` resolve from
// this folder's own node_modules and not from the project's.
export { default as lighthouse } from 'lighthouse';
export { launch } from 'chrome-launcher';
