/** What residents type into the search box: common service words, short and long. */
export const SEARCH_TERMS = [
  '身份证',
  '退休',
  '社保卡',
  '公积金提取',
  '营业执照',
  '结婚登记',
  '出生医学证明',
  '不动产',
  '护照',
  '医保报销',
];
