#!/usr/bin/python3
"""Makes assets/fonts/NotoSansSC-Tongban-Regular.ttf, the font of every PDF Tongban renders.

From Debian's fonts-noto-cjk (Noto Sans CJK SC Regular, SIL OFL 1.1), kept to what official documents need:
ASCII, the GB 2312 character set (6,763 hanzi with its punctuation and symbols), general punctuation,
CJK symbols and full-width forms. Its CFF outlines are converted to TrueType ones, which pdfkit embeds
and subsets reliably (its CID-keyed CFF support loses glyphs).

    apt-get install -y fonts-noto-cjk python3-fonttools
    /usr/bin/python3 assets/fonts/make-font.py
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FAMILY = 'Noto Sans CJK SC'
TARGET = Path(__file__).with_name('NotoSansSC-Tongban-Regular.ttf')


def gb2312() -> set[int]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2460, 0x24FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    return gb2312() | {code for start, end in ranges for code in range(start, end + 1)}


def to_truetype(font) -> None:
    """CFF outlines to quadratic TrueType outlines (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font['maxp'] = maxp
    font['post'].formatType = 3.0
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'


def main() -> None:
    font = next(face for face in TTCollection(SOURCE, recalcTimestamp=False).fonts if face['name'].getDebugName(1) == FAMILY)
    options = subset.Options()
    options.layout_features = ['kern']
    options.drop_tables += ['VORG', 'vhea', 'vmtx', 'BASE']
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ['*']
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    to_truetype(font)
    font.save(TARGET)
    font.close()
    print(f'{TARGET}: {TARGET.stat().st_size} bytes', file=sys.stderr)


main()
