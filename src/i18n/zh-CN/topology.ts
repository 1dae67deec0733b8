// 简体中文：实验网络拓扑图里的字（src/topology/）：方框标题、连线、NAT 说明。

import type { TranslationOf } from '../catalogue.ts';
import type { topology as en } from '../en/topology.ts';

export const topology: TranslationOf<typeof en> = {
  'topology.host': '实验主机',
  'topology.world': '模拟互联网',
  'topology.end.host': '主机',
  'topology.end.world': '互联网',
  'topology.down': '（已停用）',
  'topology.typed': '{interface}（{type}）',
  'topology.child-of': '{parent} 的 {type} 子接口',
  'topology.bridge': '网桥 {name}',
  'topology.no-ports': '没有端口',
  'topology.no-interfaces': '没有接口',
  'topology.only-lo-up': '只有 lo（已启用）',
  'topology.only-lo-down': '只有 lo（已停用）',
  'topology.nat': 'NAT：{rule}',
  'topology.dnat': 'DNAT：{rule}',
  'topology.note': '{kind}：{rule}',
  'topology.port': '端口',
};
