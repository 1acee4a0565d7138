# generated from resources/oms.qrc by packaging/build_ui.py - do not edit
# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x00!\
<\
\xb8d\x18\xca\xef\x9c\x95\xcd!\x1c\xbf`\xa1\xbd\xdd\xa7\
\x00\x00\x00\x05de_DE\x88\x00\x00\x00\x02\x01\x01\
\
\x00\x00\x01\xb4\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Orders</title\
>\x0a  <!-- clipboa\
rd with lines --\
>\x0a  <g fill=\x22non\
e\x22 stroke=\x22#4040\
40\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22>\x0a    <rect x\
=\x225\x22 y=\x224\x22 width\
=\x2214\x22 height=\x2218\
\x22 rx=\x222\x22/>\x0a    <\
rect x=\x229\x22 y=\x222\x22\
 width=\x226\x22 heigh\
t=\x224\x22 rx=\x221\x22/>\x0a \
   <path d=\x22M9 1\
1h6M9 15h6M9 19h\
3\x22/>\x0a  </g>\x0a</sv\
g>\x0a\
\x00\x00\x01\x9c\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Accounts</tit\
le>\x0a  <!-- ledge\
r book with a ba\
lance line -->\x0a \
 <g fill=\x22none\x22 \
stroke=\x22#404040\x22\
 stroke-width=\x222\
\x22 stroke-linecap\
=\x22round\x22 stroke-\
linejoin=\x22round\x22\
>\x0a    <path d=\x22M\
5 3 H19 V21 H5 Z\
\x22/>\x0a    <path d=\
\x22M9 3 V21\x22/>\x0a   \
 <path d=\x22M12 8 \
H16 M12 12 H16 M\
12 16 H16\x22/>\x0a  <\
/g>\x0a</svg>\x0a\
\x00\x00\x02\xee\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x22256\x22 height\
=\x22256\x22 viewBox=\x22\
0 0 256 256\x22>\x0a  \
<title>OMS Deskt\
op</title>\x0a  <!-\
- parcel: front,\
 side and lid fa\
ces -->\x0a  <path \
d=\x22M128 24 L224 \
68 L128 112 L32 \
68 Z\x22 fill=\x22#e0b\
878\x22/>\x0a  <path d\
=\x22M32 68 L128 11\
2 L128 232 L32 1\
88 Z\x22 fill=\x22#c89\
55a\x22/>\x0a  <path d\
=\x22M224 68 L128 1\
12 L128 232 L224\
 188 Z\x22 fill=\x22#b\
07d45\x22/>\x0a  <!-- \
tape -->\x0a  <path\
 d=\x22M80 46 L176 \
90 L176 122 L80 \
78 Z\x22 fill=\x22#f3d\
cb0\x22 opacity=\x220.\
9\x22/>\x0a  <!-- chec\
k mark badge -->\
\x0a  <circle cx=\x221\
88\x22 cy=\x22188\x22 r=\x22\
52\x22 fill=\x22#1b7f4\
b\x22 stroke=\x22#ffff\
ff\x22 stroke-width\
=\x228\x22/>\x0a  <path d\
=\x22M164 190 L182 \
208 L214 170\x22 fi\
ll=\x22none\x22 stroke\
=\x22#ffffff\x22 strok\
e-width=\x2214\x22\x0a   \
     stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22/>\x0a</svg>\x0a\
\x00\x00\x01\xa0\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Warehouse</ti\
tle>\x0a  <!-- buil\
ding with a roll\
er door -->\x0a  <g\
 fill=\x22none\x22 str\
oke=\x22#404040\x22 st\
roke-width=\x222\x22 s\
troke-linecap=\x22r\
ound\x22 stroke-lin\
ejoin=\x22round\x22>\x0a \
   <path d=\x22M2 1\
0 L12 4 L22 10 V\
21 H2 Z\x22/>\x0a    <\
path d=\x22M7 21 V1\
3 H17 V21\x22/>\x0a   \
 <path d=\x22M7 16 \
H17 M7 19 H17\x22/>\
\x0a  </g>\x0a</svg>\x0a\
\x00\x00\x01\x93\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Inventory</ti\
tle>\x0a  <!-- stac\
ked boxes -->\x0a  \
<g fill=\x22none\x22 s\
troke=\x22#404040\x22 \
stroke-width=\x222\x22\
 stroke-linejoin\
=\x22round\x22>\x0a    <r\
ect x=\x223\x22 y=\x2212\x22\
 width=\x228\x22 heigh\
t=\x228\x22/>\x0a    <rec\
t x=\x2213\x22 y=\x2212\x22 \
width=\x228\x22 height\
=\x228\x22/>\x0a    <rect\
 x=\x228\x22 y=\x224\x22 wid\
th=\x228\x22 height=\x228\
\x22/>\x0a  </g>\x0a</svg\
>\x0a\
\x00\x00\x01\xc8\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Orders (for d\
ark palettes)</t\
itle>\x0a  <!-- cli\
pboard with line\
s -->\x0a  <g fill=\
\x22none\x22 stroke=\x22#\
d8d8d8\x22 stroke-w\
idth=\x222\x22 stroke-\
linecap=\x22round\x22 \
stroke-linejoin=\
\x22round\x22>\x0a    <re\
ct x=\x225\x22 y=\x224\x22 w\
idth=\x2214\x22 height\
=\x2218\x22 rx=\x222\x22/>\x0a \
   <rect x=\x229\x22 y\
=\x222\x22 width=\x226\x22 h\
eight=\x224\x22 rx=\x221\x22\
/>\x0a    <path d=\x22\
M9 11h6M9 15h6M9\
 19h3\x22/>\x0a  </g>\x0a\
</svg>\x0a\
\x00\x00\x01\xb0\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Accounts (for\
 dark palettes)<\
/title>\x0a  <!-- l\
edger book with \
a balance line -\
->\x0a  <g fill=\x22no\
ne\x22 stroke=\x22#d8d\
8d8\x22 stroke-widt\
h=\x222\x22 stroke-lin\
ecap=\x22round\x22 str\
oke-linejoin=\x22ro\
und\x22>\x0a    <path \
d=\x22M5 3 H19 V21 \
H5 Z\x22/>\x0a    <pat\
h d=\x22M9 3 V21\x22/>\
\x0a    <path d=\x22M1\
2 8 H16 M12 12 H\
16 M12 16 H16\x22/>\
\x0a  </g>\x0a</svg>\x0a\
\x00\x00\x01\xb4\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Warehouse (fo\
r dark palettes)\
</title>\x0a  <!-- \
building with a \
roller door -->\x0a\
  <g fill=\x22none\x22\
 stroke=\x22#d8d8d8\
\x22 stroke-width=\x22\
2\x22 stroke-lineca\
p=\x22round\x22 stroke\
-linejoin=\x22round\
\x22>\x0a    <path d=\x22\
M2 10 L12 4 L22 \
10 V21 H2 Z\x22/>\x0a \
   <path d=\x22M7 2\
1 V13 H17 V21\x22/>\
\x0a    <path d=\x22M7\
 16 H17 M7 19 H1\
7\x22/>\x0a  </g>\x0a</sv\
g>\x0a\
\x00\x00\x01\xa7\
<\
?xml version=\x221.\
0\x22 encoding=\x22UTF\
-8\x22?>\x0a<svg xmlns\
=\x22http://www.w3.\
org/2000/svg\x22 wi\
dth=\x2224\x22 height=\
\x2224\x22 viewBox=\x220 \
0 24 24\x22>\x0a  <tit\
le>Inventory (fo\
r dark palettes)\
</title>\x0a  <!-- \
stacked boxes --\
>\x0a  <g fill=\x22non\
e\x22 stroke=\x22#d8d8\
d8\x22 stroke-width\
=\x222\x22 stroke-line\
join=\x22round\x22>\x0a  \
  <rect x=\x223\x22 y=\
\x2212\x22 width=\x228\x22 h\
eight=\x228\x22/>\x0a    \
<rect x=\x2213\x22 y=\x22\
12\x22 width=\x228\x22 he\
ight=\x228\x22/>\x0a    <\
rect x=\x228\x22 y=\x224\x22\
 width=\x228\x22 heigh\
t=\x228\x22/>\x0a  </g>\x0a<\
/svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x04\
\x00\x06\xc4\xee\
\x00i\
\x001\x008\x00n\
\x00\x09\
\x09Z\xa9\xfd\
\x00o\
\x00m\x00s\x00_\x00d\x00e\x00.\x00q\x00m\
\x00\x0a\
\x0c\x9c\x8b\x87\
\x00o\
\x00r\x00d\x00e\x00r\x00s\x00.\x00s\x00v\x00g\
\x00\x04\
\x00\x06\xa8\x8b\
\x00d\
\x00a\x00r\x00k\
\x00\x0c\
\x09I\x17G\
\x00a\
\x00c\x00c\x00o\x00u\x00n\x00t\x00s\x00.\x00s\x00v\x00g\
\x00\x0f\
\x07\x17\x17\x87\
\x00o\
\x00m\x00s\x00-\x00d\x00e\x00s\x00k\x00t\x00o\x00p\x00.\x00s\x00v\x00g\
\x00\x0d\
\x07\x89%\xe7\
\x00w\
\x00a\x00r\x00e\x00h\x00o\x00u\x00s\x00e\x00.\x00s\x00v\x00g\
\x00\x0d\
\x06%\xd0g\
\x00i\
\x00n\x00v\x00e\x00n\x00t\x00o\x00r\x00y\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x10\x00\x02\x00\x00\x00\x01\x00\x00\x00\x0d\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x06\x00\x00\x00\x03\
\x00\x00\x00P\x00\x02\x00\x00\x00\x04\x00\x00\x00\x09\
\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x01\x00\x00\x08\x13\
\x00\x00\x00|\x00\x00\x00\x00\x00\x01\x00\x00\x03}\
\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x01\x00\x00\x06o\
\x00\x00\x00^\x00\x00\x00\x00\x00\x01\x00\x00\x01\xdd\
\x00\x00\x006\x00\x00\x00\x00\x00\x01\x00\x00\x00%\
\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x01\x00\x00\x0e\xe2\
\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x01\x00\x00\x0d*\
\x00\x00\x00^\x00\x00\x00\x00\x00\x01\x00\x00\x0bv\
\x00\x00\x006\x00\x00\x00\x00\x00\x01\x00\x00\x09\xaa\
\x00\x00\x00\x1e\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
