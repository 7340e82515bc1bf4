#!/bin/sh
# Looks at report.html in a real browser (headless Chromium, Debian package `chromium`): runs a
# layout check in the page (nothing wider than the window, every table inside its scroll box and,
# at 900 px and wider, no wider than that box,
# every chart loaded, shown at least at 60% of its size and inside the window or its own scrolling
# box, every contents link with a target),
# then takes one full-page screenshot and cuts it into the top of the page and each section,
# 1600 px a picture (CropScreenshot.java, plain Java).
#
#   classifiers/scripts/screenshot-report.sh [REPORT_HTML] [OUT_DIR] [WIDTH]
#
# Defaults: classifiers/target/accuracy/report.html, classifiers/target/report-screenshots, 1280.
# WIDTH is at least 500: headless Chromium lays no window out narrower than 500 px (it would lay
# a phone's 390 out at 500 and crop the picture, with every section cut in the wrong place), so
# the script refuses a narrower one rather than pretend to show it.
# A table wider than its box fails the check at 900 px and wider; at 500 to 899 px it is listed
# as a note (the box scrolls sideways there by design).
# Exit 0 when the layout check passes, 1 when it finds a problem (listed on stdout), 2 on usage.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
report=${1:-$here/target/accuracy/report.html}
out=${2:-$here/target/report-screenshots}
width=${3:-1280}
case "$width" in
    ''|*[!0-9]*) echo "screenshot-report: WIDTH must be a number of pixels, got '$width'" >&2; exit 2 ;;
esac
if [ "$width" -lt 500 ]; then
    echo "screenshot-report: WIDTH $width is under 500 px, the narrowest window headless Chromium lays out;" \
        "use a browser's device emulation for phone widths" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "screenshot-report: no chromium on PATH (Debian: apt-get install chromium)" >&2
    exit 2
fi
if [ ! -f "$report" ]; then
    echo "screenshot-report: no report at $report (run mvn -B verify first)" >&2
    exit 2
fi
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
mkdir -p "$out"
rm -f "$out"/*.png
chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --mute-audio \
        --run-all-compositor-stages-before-draw --virtual-time-budget=3000 "$@" 2>/dev/null
}
check=$(mktemp --suffix=.html "$out/.check-XXXXXX")
trap 'rm -f "$check" "$out/.full.png"' EXIT

# 1. Layout check, run by the browser on a copy of the page with a checking script appended; it
#    also prints the page height and where each section starts.
sed 's#</body></html>##' "$report" > "$check"
cat >> "$check" <<'JS'
<script>
(function () {
  var problems = [];
  var w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > w + 1) {
    problems.push('page is ' + document.documentElement.scrollWidth + ' px wide in a ' + w + ' px window');
  }
  var notes = [];
  document.querySelectorAll('table').forEach(function (t, i) {
    var box = t.parentElement;
    var name = 'table ' + i + ' (' + (t.querySelector('th') ? t.querySelector('th').textContent : '') + ', under '
      + (function (h) { while (h && !/^H[23]$/.test(h.tagName)) { h = h.previousElementSibling; } return h ? h.textContent : 'the top'; })(box)
      + ')';
    if (!box.classList.contains('scroll')) { problems.push(name + ' is not in a scroll box'); }
    else if (box.getBoundingClientRect().right > w + 1) { problems.push('scroll box of ' + name + ' overflows the window'); }
    else if (t.getBoundingClientRect().width > box.clientWidth + 1) {
      (w >= 900 ? problems : notes).push(name + ' is ' + Math.round(t.getBoundingClientRect().width) + ' px wide in a '
        + box.clientWidth + ' px box: its right columns scroll out of sight');
    }
  });
  document.querySelectorAll('img').forEach(function (img, i) {
    if (img.naturalWidth === 0) { problems.push('image ' + i + ' (' + img.alt + ') did not load'); }
    else if (img.getBoundingClientRect().width < 0.6 * img.naturalWidth) {
      problems.push('image ' + i + ' (' + img.alt + ') shrunk to ' + Math.round(img.getBoundingClientRect().width)
        + ' of ' + img.naturalWidth + ' px');
    }
    // A chart may run past a narrow window inside its own scrolling box, never past the window itself.
    var box = img.closest('.chart, .panels') || img;
    if (box.getBoundingClientRect().right > w + 1) { problems.push('image ' + i + ' (' + img.alt + ') overflows the window'); }
  });
  var toc = document.querySelectorAll('nav.toc a');
  if (toc.length === 0) { problems.push('no table of contents'); }
  toc.forEach(function (a) {
    if (!document.getElementById(a.getAttribute('href').substring(1))) { problems.push('dead link ' + a.getAttribute('href')); }
  });
  var lines = ['LAYOUT ' + (problems.length ? 'PROBLEMS' : 'OK')].concat(problems)
    .concat(notes.map(function (n) { return 'note: ' + n; }));
  lines.push('height ' + document.documentElement.scrollHeight + ' px, ' + document.querySelectorAll('table').length
    + ' tables, ' + document.querySelectorAll('img').length + ' charts, ' + toc.length + ' contents links');
  document.querySelectorAll('h2[id]').forEach(function (h) {
    lines.push('section ' + h.id + ' ' + Math.round(h.getBoundingClientRect().top + window.scrollY));
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-check';
  pre.textContent = lines.join('\n');
  document.body.appendChild(pre);
})();
</script></body></html>
JS
result=$(chrome --window-size="$width,2000" --dump-dom "file://$check" | sed -n '/<pre id="layout-check">/,/<\/pre>/p' \
    | sed 's/<[^>]*>//g')
echo "$result" | grep -v '^section '

# 2. One screenshot of the whole page, cut into the top and each section, 1600 px a picture.
height=$(echo "$result" | sed -n 's/^height \([0-9]*\) px.*/\1/p')
chrome --window-size="$width,${height:-2000}" --screenshot="$out/.full.png" "file://$report" >/dev/null
set -- 00-top 0
i=1
for section in $(echo "$result" | sed -n 's/^section \([^ ]*\) \([0-9]*\)$/\1:\2/p'); do
    set -- "$@" "$(printf '%02d' "$i")-${section%%:*}" $(( ${section##*:} > 10 ? ${section##*:} - 10 : 0 ))
    i=$((i + 1))
done
java "$(dirname "$0")/CropScreenshot.java" "$out/.full.png" "$out" 1600 "$@"
echo "screenshots ($width px wide, sections cut in 1600 px pieces): $out"
case "$result" in
    "LAYOUT OK"*) exit 0 ;;
    *) exit 1 ;;
esac
