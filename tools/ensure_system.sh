#!/usr/bin/env bash
# Make sure the system has what gdkit needs outside its venv: a JDK 17+ with Maven (the module and
# the Java kernel), Python 3 with venv (the Jupyter tooling), and a physical font (AWT needs one to
# draw chart text; without it XChart fails with "No physical fonts found").
# Installs what is missing with apt-get when run as root on Debian/Ubuntu; otherwise says what to
# install and exits 1.
set -euo pipefail

missing=()
java_ok() {
  command -v java >/dev/null && command -v javac >/dev/null || return 1
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ -n "$v" ] && [ "$v" -ge 17 ]
}
java_ok || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if ! { command -v fc-list >/dev/null && [ -n "$(fc-list 2>/dev/null | head -1)" ]; }; then
  missing+=(fontconfig fonts-dejavu-core)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "gdkit needs these system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Install them with your package manager (Debian/Ubuntu: sudo apt-get install ${missing[*]}), then run make again." >&2
  exit 1
fi
