# Shared by the tests that open an HTML page the program writes in headless Chromium
# (dokument_html.sh, konsekvens_html.sh); sourced, not run. The caller sets OUT (where the
# DOM, the log and a screenshot go), home (a scratch folder for Chromium's profile) and
# defines say() (report a failure and go on).
#
# check FIL: the page loads without console messages, every block element the file has
# survives parsing (an unescaped "<" would swallow some), and every inline <svg> is drawn
# with a width and a height: a copy of the page with a measuring script is opened, since
# the page itself has none.

chrome() { # chromium's own profile, so runs never share one
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$home/profil" \
        --enable-logging=stderr --v=0 "$@"
}

check_svg_sizes() { # FIL NAME: each <svg> measured in the rendered page
    html=$1
    name=$2
    want=$(grep -o "<svg[ >]" "$html" | wc -l)
    [ "$want" -eq 0 ] && return 0
    sed 's|</body>|<script>for (const s of document.querySelectorAll("svg")) { const r = s.getBoundingClientRect(); s.setAttribute("data-maalt", Math.round(r.width) + "x" + Math.round(r.height)); }</script></body>|' \
        "$html" > "$home/$name.maal.html"
    chrome --dump-dom "file://$home/$name.maal.html" > "$OUT/$name.maal.dom" 2> /dev/null || say "$name: chromium fejlede (svg)"
    got=$(grep -o 'data-maalt="[1-9][0-9]*x[1-9][0-9]*"' "$OUT/$name.maal.dom" | wc -l)
    [ "$want" -eq "$got" ] || say "$name: $want <svg> i filen, $got tegnet med en bredde og en højde: $(grep -o 'data-maalt="[^"]*"' "$OUT/$name.maal.dom" | head -n 5)"
}

check() { # FIL: loads, every block element survives parsing, svg sizes, screenshot
    html=$1
    name=$(basename "$html" .html)
    chrome --dump-dom "file://$html" > "$OUT/$name.dom" 2> "$OUT/$name.log" || say "$name: chromium fejlede"
    grep -q "CONSOLE" "$OUT/$name.log" && say "$name: konsolbeskeder: $(grep CONSOLE "$OUT/$name.log" | head -n 3)"
    grep -q '</html>' "$OUT/$name.dom" || say "$name: DOM'en er tom"
    for tag in h1 h2 h3 table tr td ul li code svg rect figure; do
        want=$(grep -o "<$tag[ >]" "$html" | wc -l)
        got=$(grep -o "<$tag[ >]" "$OUT/$name.dom" | wc -l)
        [ "$want" -eq "$got" ] || say "$name: <$tag> $want gange i filen, $got i DOM'en"
    done
    check_svg_sizes "$html" "$name"
    chrome --screenshot="$OUT/$name.png" --window-size=1200,1800 "file://$html" > /dev/null 2>&1
    [ -s "$OUT/$name.png" ] || say "$name: intet skærmbillede"
}
