#!/usr/bin/env bash
# Builds Zhicheng and starts it on the embedded database, with demo organisations, accounts and business.
#   ./run.sh              build (tests skipped) and start; the console opens when run from a terminal
#   ./run.sh --no-build   start the last build
#   ./run.sh --no-demo    start without demo data
# Environment: ZHICHENG_HTTP_PORT (default 8181).
set -euo pipefail
cd "$(dirname "$0")"

build=true
demo=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --no-demo) demo=false ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

if $build; then
  mvn -B -q install -DskipTests
fi

home=target/zhicheng
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
tarball=assembly/target/zhicheng-distribution-$version.tar.gz
[ -f "$tarball" ] || { echo "no distribution at $tarball: run without --no-build" >&2; exit 1; }

# A fresh installation each time, keeping the database (data/zhicheng) of earlier runs.
mkdir -p "$home"
rm -rf "$home/system" "$home/etc" "$home/lib" "$home/bin" "$home/data/cache" "$home/data/tmp"
tar -xzf "$tarball" -C "$home" --strip-components=1

# Personal-data keys (SM4 and HMAC-SM3) belong to this installation and never to the repository: made once here,
# kept in target/zhicheng-keys.cfg and copied into the fresh etc/ on every start.
keys=target/zhicheng-keys.cfg
if [ ! -f "$keys" ]; then
  umask 077
  {
    echo "pii.encryptionKey = $(head -c 16 /dev/urandom | base64)"
    echo "pii.lookupKey = $(head -c 32 /dev/urandom | base64)"
  } > "$keys"
fi
cat "$keys" >> "$home/etc/org.zhicheng.identity.cfg"

port=${ZHICHENG_HTTP_PORT:-8181}
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
# Recovery links point here; without an SMTP server (etc/org.zhicheng.notification.cfg) they wait in the outbox.
sed -i "s#^recovery.publicUrl =.*#recovery.publicUrl = http://127.0.0.1:$port#" "$home/etc/org.zhicheng.identity.cfg"

if $demo; then
  # Demo organisations and accounts of the four provinces, made at the first start of this installation.
  sed -i "s/^demo = .*/demo = true/" "$home/etc/org.zhicheng.identity.bootstrap.cfg"
  # Until the province bundles land, the demo business is the example profession used by the tests.
  cp examples/example-profession-v1/target/zhicheng-example-profession-v1-"$version".jar \
     "$home/deploy/example-profession.jar"
fi

echo "Zhicheng starts at http://127.0.0.1:$port/ (API http://127.0.0.1:$port/api/health, docs /api-docs/index.html)"
if [ -t 0 ]; then
  exec "$home/bin/karaf"
else
  exec "$home/bin/karaf" server
fi
