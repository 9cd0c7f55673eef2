# syntax=docker/dockerfile:1
# The s3-bulk-copy container image, built from the distribution archive the build makes:
#
#   ./mvnw -B package -DskipTests
#   docker build -t s3-bulk-copy:0.1.0-SNAPSHOT .
#   docker run --rm -v "$PWD/jobs:/jobs:ro" s3-bulk-copy:0.1.0-SNAPSHOT copy --job /jobs/mine.yml --dry-run
#
# The image runs bin/s3-bulk-copy, as on a machine: C1 compiler only, serial collector, and the class archive of a
# copy run (a dynamic CDS archive on Java 17-24, an AOT cache on Java 25+: --build-arg JAVA_VERSION=25), recorded
# while the image is built by a demo run against a local S3 server. That server (S3Proxy, which the build fetches into
# target/servers/) is mounted for that one step and is not in the image. Arguments are the tool's: the command and
# its options (`--help` by default). config/kubernetes/cronjob.yaml runs this image.
ARG JAVA_VERSION=17
FROM eclipse-temurin:${JAVA_VERSION}-jre

# The cache the launcher reads: the jar extracted and its class archive, made once below. At run time it is only
# read (the container's user cannot write it), so the archive stays the one recorded here.
ENV S3_BULK_COPY_CACHE=/opt/s3-bulk-copy/cache

# ADD unpacks the archive: /opt/s3-bulk-copy-<version>/, reached as /opt/s3-bulk-copy.
ADD target/s3-bulk-copy-*.tar.gz /opt/
RUN set -eu; \
    set -- /opt/s3-bulk-copy-*/; \
    if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then echo "expected one distribution archive in target/, found: $*" >&2; exit 1; fi; \
    ln -s "${1%/}" /opt/s3-bulk-copy

# The first run of a job records the classes it loads; the demo is a whole copy job (plan, copy, verify, report) that
# needs no AWS account, and the classes a run loads do not depend on how many objects it copies. `status` then records
# its own, smaller archive from the demo's job database. The job database and report are thrown away; the cache must
# hold an archive afterwards.
RUN --mount=type=bind,source=target/servers/s3proxy.jar,target=/mnt/servers/s3proxy.jar \
    set -eu; \
    work=$(mktemp -d); \
    cd "$work"; \
    S3_BULK_COPY_JAVA_OPTS=-Ds3bulkcopy.servers.dir=/mnt/servers /opt/s3-bulk-copy/bin/s3-bulk-copy demo --objects 50; \
    /opt/s3-bulk-copy/bin/s3-bulk-copy status >/dev/null; \
    cd /; \
    rm -rf "$work"; \
    if [ -z "$(find "$S3_BULK_COPY_CACHE" -name app.jsa -o -name app.aot)" ]; then \
      echo "the demo run recorded no class archive in $S3_BULK_COPY_CACHE" >&2; exit 1; \
    fi; \
    chmod -R a+rX,go-w "$S3_BULK_COPY_CACHE"

# The working folder: the default job database (./data) and reports (./reports) of a job that names no other place.
# Writable by whichever user runs the container (the one below, or one an orchestrator picks).
RUN mkdir -p /var/lib/s3-bulk-copy && chmod 1777 /var/lib/s3-bulk-copy
WORKDIR /var/lib/s3-bulk-copy
ENV HOME=/var/lib/s3-bulk-copy
USER 10001:0

ENTRYPOINT ["/opt/s3-bulk-copy/bin/s3-bulk-copy"]
CMD ["--help"]
