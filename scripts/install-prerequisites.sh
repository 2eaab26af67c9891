#!/usr/bin/env bash
# Installs the system tools the product needs and that npm cannot bring: a JDK for the embedded
# OpenSearch node, Maven to fetch it from Maven Central, unzip to unpack it, Chromium for the tests
# that drive the pages in a real browser (playwright-core downloads none), FreeDict's English–Arabic
# dictionary (English words of a query searched in Arabic, read where Debian installs it); and, optionally,
# Debian's Arabic hunspell dictionary (compared as a stemmer by `npm run eval:analysis`).
# Skips what is there.
set -euo pipefail
required=()
command -v java >/dev/null 2>&1 || required+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || required+=(maven)
command -v unzip >/dev/null 2>&1 || required+=(unzip)
command -v node >/dev/null 2>&1 || required+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || required+=(chromium)
[ -f /usr/share/dictd/freedict-eng-ara.index ] || required+=(dict-freedict-eng-ara)
optional=()
[ -f /usr/share/hunspell/ar.dic ] || optional+=(hunspell-ar)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_install() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$@"; }

if ((${#required[@]} + ${#optional[@]} > 0)); then
  "${sudo_cmd[@]}" apt-get update -qq || echo "warning: apt-get update failed" >&2
fi
if ((${#required[@]} > 0)); then
  echo "installing: ${required[*]}"
  apt_install "${required[@]}"
fi
if ((${#optional[@]} > 0)); then
  apt_install "${optional[@]}" || echo "warning: could not install ${optional[*]}; the hunspell row of npm run eval:analysis will be skipped" >&2
fi
