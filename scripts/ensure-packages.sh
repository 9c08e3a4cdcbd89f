#!/usr/bin/env bash
# Usage: ensure-packages.sh COMMAND PACKAGE...
# Installs the Debian/Ubuntu PACKAGEs when COMMAND is missing; elsewhere says what to install.
set -euo pipefail
command=$1; shift
command -v "$command" >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "mdcv: $command is missing; as root run: apt-get install $*" >&2; exit 1; }
    sudo=sudo
  fi
  echo "mdcv: $command is missing; installing $* with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  command -v "$command" >/dev/null 2>&1 || { echo "mdcv: installed $* but $command is still missing" >&2; exit 1; }
else
  echo "mdcv: $command is missing. Install the TeX Live packages $* (or TeX Live / MacTeX: https://tug.org/texlive/), then run make again." >&2
  exit 1
fi
