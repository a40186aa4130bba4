// Generates the benchmark's typed addresses: a fixed, seeded mix of what people type into To/Cc.
// About 45% valid Chinese addresses (QQ numbers, Netease names, 139 mobiles ...), 25% valid
// worldwide ones, 30% typos (domain misspellings, full-width ＠/。, missing @ or dot, stray spaces
// and zero-width characters). The same file feeds tuixin (native and wasm) and mailcheck.
//   node bench/addresses.mjs [COUNT] > target/bench/addresses.txt
let seed = 20261203;
function rand() { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? int(1, 9) : int(0, 9))).join('');

const pinyin = ['zhang', 'wang', 'li', 'zhao', 'liu', 'chen', 'yang', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao',
  'lin', 'he', 'guo', 'ma', 'luo', 'liang', 'song', 'zheng', 'xie', 'han', 'tang', 'feng', 'yu', 'dong', 'xiao'];
const given = ['wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'tao', 'ming',
  'chao', 'xiuying', 'xia', 'ping', 'gang', 'hui', 'hong', 'xin', 'yu', 'hao', 'kai', 'lan', 'xiaoming', 'dan', 'bo'];
const english = ['john', 'mary', 'david', 'sarah', 'michael', 'emma', 'james', 'olivia', 'robert', 'sophia', 'daniel',
  'lucas', 'anna', 'peter', 'laura', 'mark', 'julia', 'paul', 'kate', 'tom'];
const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', 'Zhang Wei', 'Li Na', '王老师', '财务部'];

const cnName = () => pick([
  () => pick(pinyin) + pick(given),
  () => pick(pinyin) + pick(given) + int(1, 99),
  () => pick(pinyin) + '_' + pick(given) + int(1980, 2005),
  () => pick(given) + pick(pinyin) + int(100, 9999),
  () => pick(pinyin) + '.' + pick(given),
])();
const enName = () => pick([
  () => pick(english) + '.' + pick(pinyin),
  () => pick(english) + int(1, 999),
  () => pick(english)[0] + pick(english),
  () => pick(english) + '_' + pick(english),
])();

const chinese = () => pick([
  () => `${digits(int(6, 10))}@qq.com`,
  () => `${digits(int(6, 10))}@qq.com`,
  () => `${cnName()}@qq.com`,
  () => `${cnName()}@foxmail.com`,
  () => `${cnName()}@vip.qq.com`,
  () => `${cnName()}@163.com`,
  () => `${cnName()}@163.com`,
  () => `${cnName()}@126.com`,
  () => `${cnName()}@yeah.net`,
  () => `${cnName()}@vip.163.com`,
  () => `${cnName()}@sina.com`,
  () => `${cnName()}@sohu.com`,
  () => `${cnName()}@aliyun.com`,
  () => `1${pick(['3', '5', '8'])}${digits(9).slice(0, 9)}@139.com`,
  () => `${cnName()}@189.cn`,
  () => `${cnName()}@21cn.com`,
  () => `${cnName()}@tom.com`,
  () => `${cnName()}@${pick(['pku.edu.cn', 'tsinghua.edu.cn', 'zju.edu.cn', 'alibaba-inc.com', 'huawei.com', 'bank-of-china.cn'])}`,
])();
const worldwide = () => pick([
  () => `${enName()}@gmail.com`,
  () => `${enName()}@gmail.com`,
  () => `${enName()}@outlook.com`,
  () => `${enName()}@hotmail.com`,
  () => `${enName()}@yahoo.com`,
  () => `${enName()}@icloud.com`,
  () => `${enName()}@live.com`,
  () => `${enName()}@protonmail.com`,
  () => `${enName()}@gmx.de`,
  () => `${enName()}@yahoo.co.jp`,
  () => `${enName()}@naver.com`,
  () => `${enName()}@${pick(['example.org', 'acme-corp.com', 'uni-heidelberg.de', 'mit.edu', 'company.co.uk'])}`,
])();

const domainTypos = {
  'qq.com': ['qq.con', 'qq.cm', 'qq.co', 'qq.comm', 'qqq.com', 'q.com', 'qq.om', 'qq,com', 'qqcom'],
  '163.com': ['163.con', '163.cm', '136.com', '163.co', '613.com', '16.com', '163com', 'l63.com'],
  '126.com': ['126.con', '162.com', '126.cm', '216.com', '126.co'],
  'gmail.com': ['gmial.com', 'gmai.com', 'gamil.com', 'gmail.con', 'gmail.co', 'gnail.com', 'gmaill.com'],
  'hotmail.com': ['hotmial.com', 'hotmai.com', 'hotmail.con', 'homail.com'],
  'yahoo.com': ['yaho.com', 'yahooo.com', 'yahoo.con', 'yhaoo.com'],
  'outlook.com': ['outlok.com', 'outllook.com', 'outlook.con'],
  'sina.com': ['sina.con', 'sian.com', 'sina.cm'],
  'foxmail.com': ['foxmial.com', 'foxmail.con', 'fox.mail.com'],
};
const typo = () => {
  const domain = pick(Object.keys(domainTypos));
  const local = /^(qq|foxmail)/.test(domain) && rand() < 0.6 ? digits(int(6, 10)) : cnName();
  return pick([
    () => `${local}@${pick(domainTypos[domain])}`,
    () => `${local}@${pick(domainTypos[domain])}`,
    () => `${local}＠${domain}`,
    () => `${local}@${domain.replace('.', '。')}`,
    () => `${local}${domain}`,
    () => `${local}.${domain}`,
    () => `${local} @${domain}`,
    () => `${local}@${domain.replace('.', '\u200b.')}`,
    () => `${local}@@${domain}`,
    () => `${local}@${domain}.`,
    () => `${digits(int(3, 4))}@qq.com`,
    () => `${pick(names)} <${local}@${domain}>`,
  ])();
};

const count = Number(process.argv[2] || 10000);
const out = [];
for (let i = 0; i < count; i++) {
  const r = rand();
  out.push(r < 0.45 ? chinese() : r < 0.7 ? worldwide() : typo());
}
process.stdout.write(out.join('\n') + '\n');
