// Writes the demo centre's blank forms (forms/demo/*.docx) from the descriptions below: `node scripts/make-demo-forms.mjs`.
// Each is a minimal Office Open XML document (WordprocessingML: one table, a declaration, signature lines, notes)
// zipped here by hand with fixed timestamps, so that the same script always writes the same bytes and the
// sha256 that the tests compare stays put. Word, WPS and LibreOffice open them; nothing beyond Node is needed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'forms', 'demo');

// ── The forms ─────────────────────────────────────────────────────────────────────────────────────────
// A row is [label, value] (the value spans the width) or [label, value, label, value]; `tall` leaves room to write.
const SIGN_ORGANISATION = ['申请单位（盖章）：', '法定代表人（签字）：', '年　　月　　日'];

const FORMS = [
  {
    file: '临时占用草原申请书.docx',
    title: '临时占用草原申请书',
    addressee: '呼和浩特市林业和草原局：',
    rows: [
      ['申请单位（个人）名称', ''],
      ['统一社会信用代码（身份证号码）', ''],
      ['法定代表人', '', '联系电话', ''],
      ['经办人', '', '经办人电话', ''],
      ['通讯地址', ''],
      ['建设项目名称', ''],
      ['拟占用草原位置', '　　　　旗（县、区）　　　　苏木（乡镇）　　　　嘎查（村）'],
      ['占用面积（公顷）', '', '草原类型', ''],
      ['占用期限', '自　　年　　月　　日至　　年　　月　　日（不超过二年）'],
      ['占用用途', '', { tall: true }],
      ['草原植被恢复措施', '', { tall: true }],
      ['草原所有者或使用者', '', '补偿协议签订日期', ''],
    ],
    declaration:
      '本单位（本人）承诺：所提交的申请材料真实、合法、有效；临时占用草原期间不修建永久性建筑物、构筑物，占用期满按草原植被恢复方案恢复草原植被并及时退还。如有不实，愿承担相应的法律责任。',
    signature: ['申请单位（盖章）或申请人（签字）：', '年　　月　　日'],
    notes: [
      '本申请书一式两份，用钢笔、签字笔填写或打印，字迹清楚，不得涂改。',
      '占用面积以公顷计，保留两位小数；草原类型按草原权属证明填写。',
      '占用期限自审核同意之日起计算，最长不超过二年。',
    ],
  },
  {
    file: '建设用地规划许可申请表.docx',
    title: '建设用地规划许可申请表',
    addressee: '呼和浩特市自然资源局：',
    rows: [
      ['申请单位', ''],
      ['统一社会信用代码', ''],
      ['法定代表人', '', '联系电话', ''],
      ['委托代理人', '', '联系电话', ''],
      ['项目名称', ''],
      ['项目批准（核准、备案）文号', ''],
      ['用地位置', ''],
      ['用地面积（平方米）', '', '土地用途', ''],
      ['土地取得方式', '□ 出让　　□ 划拨'],
      ['出让合同编号或划拨决定书文号', ''],
      ['建设规模（总建筑面积、容积率、建筑密度、绿地率等）', '', { tall: true }],
    ],
    declaration: '本单位承诺：所填内容及所附材料真实、准确、有效，用地红线图坐标与实地一致。如有不实，愿承担由此产生的一切法律责任。',
    signature: SIGN_ORGANISATION,
    notes: ['本表一式三份，须加盖申请单位公章。', '用地红线图须采用 2000 国家大地坐标系（CGCS2000），同时提交 dwg 格式电子文件。'],
  },
  {
    file: '食品经营许可申请书.docx',
    title: '食品经营许可申请书',
    addressee: '呼和浩特市市场监督管理局：',
    rows: [
      ['经营者名称', ''],
      ['统一社会信用代码', ''],
      ['法定代表人（负责人）', '', '联系电话', ''],
      ['住所', ''],
      ['经营场所', ''],
      ['主体业态', '□ 食品销售经营者　□ 餐饮服务经营者　□ 单位食堂'],
      ['经营项目', '□ 预包装食品销售　□ 散装食品销售　□ 特殊食品销售　□ 热食类食品制售　□ 冷食类食品制售　□ 自制饮品制售'],
      ['经营场所面积（平方米）', '', '从业人员（人）', ''],
      ['食品安全管理人员', '', '联系电话', ''],
    ],
    declaration:
      '本经营者已知晓食品经营许可的条件和要求，郑重承诺：符合法定许可条件；所提交的材料真实、合法、有效；许可后接受市场监督管理部门的现场核查。承诺不实的，愿承担被依法撤销许可等法律责任，相关信息记入信用记录。',
    signature: ['法定代表人（负责人）签字：', '经营者（盖章）：', '年　　月　　日'],
    notes: ['经营项目可多选，在□内打“√”。', '个体工商户由经营者本人签字，无需盖章。'],
  },
  {
    file: '食品经营许可注销申请书.docx',
    title: '食品经营许可注销申请书',
    addressee: '呼和浩特市市场监督管理局：',
    rows: [
      ['经营者名称', ''],
      ['统一社会信用代码', ''],
      ['许可证编号', '', '发证日期', ''],
      ['法定代表人（负责人）', '', '联系电话', ''],
      ['经营场所', ''],
      ['注销原因', '□ 终止食品经营　□ 许可被撤回　□ 许可被撤销　□ 其他：'],
      ['许可证正副本', '□ 交回　□ 遗失（已发布遗失声明）'],
    ],
    declaration: '本经营者申请注销上述食品经营许可，承诺所填信息真实、有效，注销后不再以该许可证从事食品经营活动。',
    signature: ['法定代表人（负责人）签字：', '经营者（盖章）：', '年　　月　　日'],
    notes: ['许可证遗失的，以遗失声明代替许可证正副本提交。'],
  },
];

// ── WordprocessingML ──────────────────────────────────────────────────────────────────────────────────
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>';

function run(text, { bold = false, size = 24, font = FONTS } = {}) {
  return `<w:r><w:rPr>${font}${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function paragraph(runs, { align, before = 0, after = 0, indent, left } = {}) {
  const ind = indent || left ? `<w:ind${left ? ` w:left="${left}"` : ''}${indent ? ` w:firstLine="${indent}"` : ''}/>` : '';
  const props = [align ? `<w:jc w:val="${align}"/>` : '', `<w:spacing w:before="${before}" w:after="${after}"/>`, ind];
  return `<w:p><w:pPr>${props.join('')}</w:pPr>${runs}</w:p>`;
}

// Four columns on an A4 page with 2.5 cm margins (9,026 twips).
const GRID = [2300, 2213, 2300, 2213];

function cell(text, width, { span = 1, label = false } = {}) {
  const props = `<w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/>`;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraph(run(text, { bold: label, size: 21 }), { align: label ? 'center' : undefined })}</w:tc>`;
}

function row(spec) {
  const [options] = spec.filter((part) => typeof part === 'object');
  const [label, value, label2, value2] = spec.filter((part) => typeof part === 'string');
  const height = options?.tall ? 1300 : 560;
  const cells =
    label2 === undefined
      ? cell(label, GRID[0], { label: true }) + cell(value, GRID[1] + GRID[2] + GRID[3], { span: 3 })
      : cell(label, GRID[0], { label: true }) + cell(value, GRID[1]) + cell(label2, GRID[2], { label: true }) + cell(value2, GRID[3]);
  return `<w:tr><w:trPr><w:trHeight w:val="${height}"/></w:trPr>${cells}</w:tr>`;
}

function table(rows) {
  const border = (side) => `<w:${side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${GRID.reduce((a, b) => a + b)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${GRID.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.map(row).join('') +
    '</w:tbl>'
  );
}

function documentXml(form) {
  const title = paragraph(run(form.title, { bold: true, size: 36, font: '<w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="黑体"/>' }), { align: 'center', after: 240 });
  const body = [
    title,
    paragraph(run(form.addressee), { after: 120 }),
    table(form.rows),
    paragraph(run(form.declaration), { before: 240, indent: 480 }),
    // From the middle of the page, leaving room to sign or stamp after each line; the date further right.
    ...form.signature.map((line) => paragraph(run(line), { before: 240, left: line.endsWith('日') ? 6600 : 4200 })),
    paragraph(run('填表说明：', { bold: true, size: 21 }), { before: 360 }),
    ...form.notes.map((note, i) => paragraph(run(`${i + 1}. ${note}`, { size: 21 }))),
  ];
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body.join('')}${section}</w:body></w:document>`;
}

function coreXml(form) {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(form.title)}</dc:title><dc:creator>通办 Tongban 演示服务中心</dc:creator><dc:language>zh-CN</dc:language>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T00:00:00Z</dcterms:created></cp:coreProperties>'
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

// ── A zip archive (PKWARE APPNOTE 4.3), deflated, every entry dated 2026-11-28 00:00 ───────────────────
const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 28;

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'ascii');
    const fields = (header) => {
      header.writeUInt16LE(20, header.length === 30 ? 4 : 6); // version needed: 2.0 (deflate)
      const at = header.length === 30 ? 6 : 8;
      header.writeUInt16LE(0, at); // flags
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt16LE(0, at + 4); // time 00:00
      header.writeUInt16LE(DOS_DATE, at + 6);
      header.writeUInt32LE(crc32(data), at + 8);
      header.writeUInt32LE(packed.length, at + 12);
      header.writeUInt32LE(data.length, at + 16);
      header.writeUInt16LE(nameBytes.length, at + 20);
      return header;
    };
    const local = fields(Buffer.alloc(30));
    local.writeUInt32LE(0x04034b50, 0);
    const central = fields(Buffer.alloc(46));
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

for (const form of FORMS) {
  const docx = zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['docProps/core.xml', coreXml(form)],
    ['word/document.xml', documentXml(form)],
  ]);
  writeFileSync(path.join(OUT, form.file), docx);
  console.log(`${form.file}: ${docx.length} bytes`);
}
