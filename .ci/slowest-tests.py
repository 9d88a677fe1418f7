"""Where the suite's time goes: the test classes whose tests took longest in all, from dotnet test's trx file."""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

ns = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}
total, count = defaultdict(float), defaultdict(int)
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    classes = {t.get('id'): t.find('t:TestMethod', ns).get('className') for t in root.iterfind('.//t:UnitTest', ns)}
    for result in root.iterfind('.//t:UnitTestResult', ns):
        h, m, s = result.get('duration', '0:0:0').split(':')
        name = classes.get(result.get('testId'), '?')
        total[name] += int(h) * 3600 + int(m) * 60 + float(s)
        count[name] += 1
print(f"slowest test classes (their tests' time in all; classes run two at a time): {sum(total.values()) / 60:.1f} min in {sum(count.values())} tests")
for name in sorted(total, key=total.get, reverse=True)[:15]:
    print(f"{total[name]:8.1f} s {count[name]:4d} tests  {name}")
