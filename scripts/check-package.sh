#!/usr/bin/env bash
# Builds the Debian package from an already built tree and checks it as a user would
# meet it: the files are where a desktop looks for them, the dependencies are
# declared, the metadata validates, and the installed programs run from a clean
# prefix (the package extracted into a throwaway root).
# Usage: scripts/check-package.sh BUILD_DIR [--build]
#   --build  run `cmake --build BUILD_DIR --target package` (builds what is missing);
#            without it, cpack packs what is built (what ctest's tst_package does).
# Optional, not run by default: `sudo dpkg -i` / `dpkg -r` of the result (see docs/USER_GUIDE.md).
set -euo pipefail

build="$(cd "${1:?usage: check-package.sh BUILD_DIR [--build]}" && pwd)"
fail() { echo "check-package: FAIL: $*" >&2; exit 1; }

command -v dpkg-deb >/dev/null || { echo "check-package: dpkg-deb not found; skipped"; exit 0; }

cd "$build"
rm -f ndh-console_*.deb
if [[ "${2:-}" == "--build" ]]; then
    cmake --build . --target package >/dev/null
else
    cpack -G DEB -C RelWithDebInfo >/dev/null
fi
deb="$(ls ndh-console_*.deb 2>/dev/null | head -n1)"
[[ -n "$deb" ]] || fail "no ndh-console_*.deb in $build"
echo "check-package: $deb ($(du -k "$deb" | cut -f1) KiB)"

info="$(dpkg-deb -I "$deb")"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libqt6widgets6 librdkafka1 libhiredis qt6-qpa-plugins libqt6svg6; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
[[ "$(dpkg-deb -f "$deb" Package)" == "ndh-console" ]] || fail "package name: $info"

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./usr/bin/ndh-console ./usr/bin/ndhctl \
         ./usr/share/applications/ndh-console.desktop \
         ./usr/share/metainfo/io.github.ndh.NdhConsole.metainfo.xml \
         ./usr/share/mime/packages/ndh-console.xml \
         ./usr/share/icons/hicolor/scalable/apps/ndh-console.svg; do
    grep -qx "$f" <<<"$contents" || fail "missing $f"
done
for size in 16 22 24 32 48 64 128 256; do
    grep -qx "./usr/share/icons/hicolor/${size}x${size}/apps/ndh-console.png" <<<"$contents" \
        || fail "missing ${size}x${size} icon"
done
# Everything under /usr: nothing in /etc or /var that an uninstall could leave behind.
if grep -v '^\./usr/\|^\./$\|^\./usr$' <<<"$contents" | grep -q .; then
    fail "files outside /usr: $(grep -v '^\./usr/\|^\./$\|^\./usr$' <<<"$contents" | head -3)"
fi

# The Windows icon comes from the same SVG render: an ICO header (0, type 1) with
# one image per rendered size.
ico="$build/installer/ndh-console.ico"
[[ -s "$ico" ]] || fail "no $ico (the ndh_icons target renders it)"
read -r -a icodir < <(od -An -tu2 -N6 "$ico")
[[ "${icodir[0]} ${icodir[1]} ${icodir[2]}" == "0 1 8" ]] || fail "$ico is not an icon with 8 sizes: ${icodir[*]}"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
# As on a build server or over ssh: no display and no Qt platform chosen.
headless=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
version="$("${headless[@]}" "$root/usr/bin/ndh-console" --version)" || fail "ndh-console --version failed without a display"
[[ "$version" == *"$(dpkg-deb -f "$deb" Version)"* ]] || fail "ndh-console --version said: $version"
help="$("${headless[@]}" "$root/usr/bin/ndh-console" --help)" || fail "ndh-console --help failed without a display"
[[ "$help" == *--demo* ]] || fail "ndh-console --help lacks --demo: $help"
"${headless[@]}" "$root/usr/bin/ndhctl" --help | grep -q . || fail "ndhctl --help printed nothing"
echo "check-package: installed ndh-console --version: $version"

if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.ndh.NdhConsole.metainfo.xml" \
        || fail "AppStream metainfo does not validate"
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/ndh-console.desktop" || fail "desktop entry does not validate"
fi
echo "check-package: OK"
