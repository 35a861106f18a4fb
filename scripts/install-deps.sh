#!/usr/bin/env bash
# Installs what NDH Console needs to build, run and test on Debian 12, from Debian's
# own packages only. Safe to run again; uses sudo when not root. clang and its
# libFuzzer runtime build the fuzz targets (scripts/fuzz.sh, tests/fuzz).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build ccache pkg-config \
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6 libgl1-mesa-dev \
    libqcustomplot-dev librdkafka-dev libhiredis-dev nlohmann-json3-dev libsimdjson-dev \
    libzstd-dev qtkeychain-qt6-dev \
    redis-server kcat xvfb xauth fonts-dejavu-core fonts-noto-cjk \
    qt6-translations-l10n appstream desktop-file-utils dpkg-dev file \
    clang libclang-rt-14-dev >/dev/null
echo "install-deps: Debian packages are installed"
