/**
 * Word banks for the synthetic archive. The text is nonsense at the level of facts, but it has the shape of the
 * real coverage: distribution names, components, versions, package names, CVE ids, commands. Package names are
 * built from syllables so the archive has a long tail of rare words, as a real one does (this matters for the
 * size of the search index).
 */

export const COMPONENTS = [
  'the kernel', 'glibc', 'systemd', 'GNOME', 'KDE Plasma', 'Mesa', 'Python', 'OpenSSL', 'OpenSSH', 'GCC', 'LLVM',
  'Rust', 'Go', 'Perl', 'PHP', 'Node.js', 'PostgreSQL', 'MariaDB', 'nginx', 'Apache httpd', 'Podman', 'Docker',
  'containerd', 'Kubernetes', 'SELinux', 'AppArmor', 'firewalld', 'nftables', 'NetworkManager', 'PipeWire',
  'Wayland', 'Xorg', 'GRUB', 'systemd-boot', 'dracut', 'Flatpak', 'Snap', 'RPM', 'dpkg', 'DNF', 'APT', 'zypper',
  'pacman', 'Btrfs', 'XFS', 'ext4', 'LVM', 'cryptsetup', 'Anaconda', 'Calamares', 'cloud-init', 'Ansible',
  'Cockpit', 'libvirt', 'QEMU', 'Xen', 'sudo', 'coreutils', 'util-linux', 'bash', 'zsh', 'Firefox', 'Thunderbird',
  'LibreOffice', 'GTK', 'Qt', 'Xfce', 'Cinnamon', 'MATE', 'Sway', 'Hyprland', 'toolbox', 'distrobox', 'rpm-ostree',
  'bootc', 'composefs', 'Secure Boot', 'shim', 'TPM2', 'fwupd', 'the installer', 'the package manager',
] as const;

export const ARCHES = ['x86-64', 'x86-64-v2', 'x86-64-v3', 'AArch64', 'ppc64le', 's390x', 'RISC-V', 'i686', 'armhf', 'LoongArch'] as const;

export const TEAMS = [
  'the release team', 'the security team', 'the maintainers', 'the steering committee', 'the board', 'the packagers',
  'the infrastructure team', 'the QA team', 'the kernel maintainers', 'the desktop team', 'the cloud team',
  'the documentation team', 'the technical committee', 'the engineering steering group', 'upstream developers',
  'the community managers', 'the foundation', 'the build system team', 'the installer team', 'the translators',
] as const;

export const AUDIENCES = [
  'administrators', 'desktop users', 'developers', 'packagers', 'hosting providers', 'enterprise customers',
  'hobbyists', 'cloud operators', 'embedded vendors', 'universities', 'small businesses', 'container users',
] as const;

export const NOUNS = [
  'support window', 'release cadence', 'update policy', 'build infrastructure', 'mirror network', 'package set',
  'default configuration', 'upgrade path', 'installer', 'boot process', 'security advisory', 'errata feed',
  'compatibility promise', 'source repository', 'governance model', 'funding model', 'code of conduct',
  'trademark policy', 'bug tracker', 'mailing list', 'container image', 'cloud image', 'live image', 'ISO image',
  'minimal install', 'desktop spin', 'server edition', 'long-term branch', 'rolling branch', 'testing branch',
  'backport policy', 'signing key', 'repository layout', 'module stream', 'application stream', 'toolchain',
  'init system', 'file system default', 'display server', 'audio stack', 'network stack', 'firmware policy',
  'hardware baseline', 'microarchitecture level', 'translation effort', 'documentation portal', 'release notes',
  'migration tool', 'rebuild process', 'vulnerability response', 'embargo process', 'end-of-life date',
  'extended support offer', 'subscription terms', 'contributor agreement', 'election', 'budget',
] as const;

export const ADJECTIVES = [
  'new', 'updated', 'revised', 'long-awaited', 'experimental', 'stable', 'default', 'optional', 'stricter',
  'simpler', 'faster', 'smaller', 'larger', 'modular', 'immutable', 'reproducible', 'signed', 'minimal',
  'upstream', 'downstream', 'official', 'unofficial', 'community-run', 'commercial', 'extended', 'shorter',
  'longer', 'predictable', 'incremental', 'disruptive', 'backward-compatible', 'controversial', 'overdue',
  'well-tested', 'provisional', 'permanent', 'temporary', 'automated', 'manual', 'opt-in', 'opt-out',
] as const;

export const ADVERBS = [
  'quietly', 'formally', 'finally', 'gradually', 'temporarily', 'permanently', 'publicly', 'initially', 'briefly',
  'largely', 'mostly', 'partly', 'explicitly', 'officially', 'unexpectedly', 'already', 'now', 'again',
] as const;

export const VERBS_PAST = [
  'announced', 'confirmed', 'proposed', 'approved', 'rejected', 'postponed', 'shipped', 'published', 'deprecated',
  'removed', 'replaced', 'documented', 'backported', 'rebased', 'retired', 'introduced', 'reverted', 'extended',
  'shortened', 'clarified', 'tested', 'benchmarked', 'audited', 'signed', 'mirrored', 'packaged', 'dropped',
  'enabled', 'disabled', 'migrated', 'reworked', 'simplified', 'split', 'merged', 'renamed', 'promoted',
] as const;

export const VERBS_BASE = [
  'upgrade', 'test', 'review', 'report', 'pin', 'rebuild', 'audit', 'migrate', 'switch', 'wait', 'plan',
  'check', 'verify', 'document', 'back up', 'reinstall', 'follow', 'read', 'compare', 'measure',
] as const;

export const TIME_PHRASES = [
  'in the coming weeks', 'before the next point release', 'after a long discussion', 'at the last minute',
  'earlier than planned', 'later than planned', 'on the mailing list', 'in a blog post', 'during the summit',
  'in the release notes', 'after a public vote', 'following community feedback', 'without much notice',
  'for the first time', 'once again', 'as expected', 'after two beta releases', 'in a short statement',
  'at the annual conference', 'after a security review', 'in its lifecycle documentation',
] as const;

export const CONNECTORS = [
  'However,', 'In practice,', 'At the same time,', 'For now,', 'In addition,', 'By contrast,', 'Meanwhile,',
  'As a result,', 'In other words,', 'Still,', 'On the other hand,', 'According to the announcement,',
  'For most users,', 'In the longer term,', 'Notably,', 'Until then,',
] as const;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const SYLLABLES = [
  'ar', 'bel', 'cor', 'dan', 'el', 'fin', 'gor', 'hal', 'is', 'jun', 'kel', 'lor', 'mir', 'nox', 'or', 'pel',
  'quin', 'ros', 'sul', 'tor', 'ul', 'ver', 'wex', 'yar', 'zen', 'ka', 'mo', 'ti', 'ra', 'lu', 'ne', 'po', 'sa',
] as const;
export const PKG_PREFIXES = ['lib', 'python3-', 'perl-', 'golang-', '', '', '', 'rust-', 'node-', 'gnome-', 'kf6-', 'xfce4-', 'texlive-'] as const;
export const PKG_SUFFIXES = ['', '', '', '-utils', '-devel', '-common', 'd', '-tools', '-libs', '-data', '-doc', '-server'] as const;

export const HEADINGS = [
  'What changes', 'Background', 'Why it matters', 'What users should do', 'Support timeline', 'The numbers',
  'How we got here', 'What the project said', 'Reactions', 'Compatibility', 'Packages affected', 'Upgrading',
  'Known issues', 'Hardware support', 'Security fixes', 'Governance', 'Funding', 'Desktop changes',
  'Server changes', 'Cloud and containers', 'Developer tools', 'Installer', 'Release schedule', 'Open questions',
  'Alternatives', 'Migration paths', 'Testing the change', 'Timeline', 'Outlook', 'Who is affected',
] as const;

export const NOTE_TITLES = [
  'What this means for existing installs', 'Check your repositories first', 'Support dates are subject to change',
  'Back up before upgrading', 'A note on terminology', 'Read the release notes', 'Older hardware',
] as const;
