#!/usr/bin/env bash
# Image pipeline benchmark: our avatar and cover pipelines on a 4000x3000 JPEG, beside
# vipsthumbnail (libvips-tools) and ImageMagick (imagemagick, convert-im6.q16) in the same run.
#   bench/image.sh [photo.jpg]
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out/classes"

photo="${1:-$out/photo-4000x3000.jpg}"
if [ ! -f "$photo" ]; then
  # a synthetic photo: 4000x3000, noisy, quality 90 (about 3.6 MB)
  convert-im6.q16 -seed 42 -size 4000x3000 plasma:fractal -blur 0x1 -attenuate 0.25 \
    +noise Gaussian -quality 90 "$photo"
fi

mvn -q -B -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile="$out/classpath" -Dmdep.includeScope=runtime
cp="target/classes:$(cat "$out/classpath")"
javac -d "$out/classes" -cp "$cp" bench/src/org/twittner/bench/ImagePipelineBench.java

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(free -g | awk '/Mem:/ {print $2}') GiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$out/classes:$cp" org.twittner.bench.ImagePipelineBench "$photo"
