/** Distribution families: the registry `family:` in content/distros/*.yaml is checked against. */
export const FAMILIES = {
  'red-hat': {
    name: 'Red Hat family',
    description: 'Fedora, CentOS Stream, Red Hat Enterprise Linux and its rebuilds.',
  },
  debian: { name: 'Debian family', description: 'Debian and the distributions built on it, Ubuntu first among them.' },
  suse: { name: 'SUSE family', description: 'SUSE Linux Enterprise and the openSUSE distributions.' },
  arch: { name: 'Arch family', description: 'Arch Linux and the distributions built on it.' },
  independent: { name: 'Independent', description: 'Distributions with their own package base and lineage.' },
} as const;

export type FamilyId = keyof typeof FAMILIES;
export const FAMILY_IDS = Object.keys(FAMILIES) as [FamilyId, ...FamilyId[]];
