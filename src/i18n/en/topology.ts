// English: the words in the pictures of the lab's network (src/topology/): box titles, wires, NAT notes.

export const topology = {
  'topology.host': 'lab host',
  'topology.world': 'simulated internet',
  'topology.end.host': 'host',
  'topology.end.world': 'internet',
  'topology.down': '(down)',
  'topology.typed': '{interface} ({type})',
  'topology.child-of': '{type} of {parent}',
  'topology.bridge': 'bridge {name}',
  'topology.no-ports': 'no ports',
  'topology.no-interfaces': 'no interfaces',
  'topology.only-lo-up': 'only lo (up)',
  'topology.only-lo-down': 'only lo (down)',
  'topology.nat': 'NAT: {rule}',
  'topology.dnat': 'DNAT: {rule}',
  'topology.note': '{kind}: {rule}',
  'topology.port': 'port',
} as const;
