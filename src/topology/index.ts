// Pictures of a snapshot's topology: a box drawing for the terminal, Graphviz and Mermaid.

export { renderAscii, type AsciiOptions } from './ascii.ts';
export { renderDot } from './dot.ts';
export { renderMermaid } from './mermaid.ts';
export { buildTopology, type Topology, type TopoNamespace, type TopoBridge, type TopoInterface, type End } from './model.ts';
