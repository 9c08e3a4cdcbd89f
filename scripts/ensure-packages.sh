#!/usr/bin/env bash
# Usage: ensure-packages.sh CHECK PACKAGE...
#    or: ensure-packages.sh -      (reads `CHECK<TAB>PACKAGE...` lines, as `mdcv doctor --needs` prints them)
# A CHECK is a command (`xelatex`) or a font family (`font:Noto Serif`). Installs the
# Debian/Ubuntu PACKAGEs of every CHECK that fails, in one apt-get run; elsewhere says what to install.
set -euo pipefail

present() {
  case $1 in
    font:*) command -v fc-list >/dev/null 2>&1 && fc-list -q "${1#font:}" ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

checks=() packages=()
add() { # CHECK PACKAGE...
  local check=$1; shift
  present "$check" && return 0
  checks+=("$check")
  packages+=("$@")
  # Font checks ask fontconfig, which a bare system may lack.
  if [[ $check == font:* ]] && ! command -v fc-list >/dev/null 2>&1; then packages+=(fontconfig); fi
}
if [ "${1:-}" = "-" ]; then
  while IFS=$'\t' read -r check pkgs; do
    [ -n "$check" ] || continue
    # shellcheck disable=SC2086 # the package list is space-separated on purpose
    add "$check" $pkgs
  done
else
  add "$@"
fi
[ ${#checks[@]} -eq 0 ] && exit 0

mapfile -t packages < <(printf '%s\n' "${packages[@]}" | awk 'NF && !seen[$0]++')
what="${checks[*]}"
if command -v apt-get >/dev/null 2>&1 && [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "mdcv: missing: $what; as root run: apt-get install ${packages[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  echo "mdcv: missing: $what; installing ${packages[*]} with apt-get" >&2
  # Another install may hold dpkg's lock (two makes at once): wait for it rather than fail.
  wait_lock=(-o DPkg::Lock::Timeout=900)
  $sudo apt-get "${wait_lock[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  for check in "${checks[@]}"; do
    present "$check" || { echo "mdcv: installed ${packages[*]} but $check is still missing" >&2; exit 1; }
  done
else
  echo "mdcv: missing: $what. Install ${packages[*]:-them} (TeX Live or MacTeX: https://tug.org/texlive/; Noto fonts: https://fonts.google.com/noto), then run make again." >&2
  exit 1
fi
