import type { Rng } from '../random.js';

/**
 * Names from fixed lists: common surnames roughly by how common they are, given names of one or
 * two characters. Any resemblance to a real person is chance — the people are told apart from
 * real ones by their phone numbers, ID numbers and addresses (see the README).
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ...(['王', '李', '张', '刘', '陈'].map((s) => [s, 7]) as [string, number][]),
  ...(['杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡'].map((s) => [s, 3]) as [string, number][]),
  ...(['郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'].map((s) => [
    s,
    2,
  ]) as [string, number][]),
  ...([
    ...['彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余', '于', '杜', '叶', '程', '魏'],
    ...['苏', '吕', '丁', '任', '卢', '姚', '沈', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖'],
    ...['石', '金', '韦', '贾', '夏', '付', '方', '邹', '熊', '白', '孟', '秦', '邱', '侯', '江'],
    ...['欧阳', '诸葛', '司马'],
  ].map((s) => [s, 1]) as [string, number][]),
];

const GIVEN_MALE = [
  ...['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞'],
  ...['鑫', '波', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '峰', '建', '国'],
  ...['志', '文', '永', '海', '德', '东', '晨', '博', '子', '轩', '睿', '天', '泽', '一', '嘉', '诚'],
];
const GIVEN_FEMALE = [
  ...['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀', '玲', '桂', '英', '婷', '雪', '慧', '琳'],
  ...['晶', '燕', '红', '梅', '丹', '萍', '洁', '琴', '云', '莉', '兰', '倩', '颖', '欣', '怡', '佳'],
  ...['雨', '思', '梦', '诗', '悦', '可', '晓', '文', '月', '嘉', '子', '一', '彤', '涵', '瑶', '萱'],
];

export type Sex = '男' | '女';

/** A name for a person of `sex`: a surname and one or two given characters. */
export function personName(rng: Rng, sex: Sex): string {
  const given = sex === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = rng.pick(given);
  return rng.weighted(SURNAMES) + first + (rng.chance(0.7) ? rng.pick(given.filter((c) => c !== first)) : '');
}
