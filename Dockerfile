# syntax=docker/dockerfile:1
# newsevents worker image: a Rust builder stage with cached dependencies, then a slim
# Debian runtime running as a non-root user.
#
#   docker build -t newsevents:dev .
#   docker run --rm -e NEWSEVENTS__NATS__URL=nats://host.docker.internal:4222 newsevents:dev

ARG RUST_IMAGE=rust:1.91-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUST_IMAGE} AS builder
WORKDIR /build
# Dependencies first: this layer is reused until Cargo.toml or Cargo.lock change.
COPY Cargo.toml Cargo.lock ./
# declared [[bench]] targets must exist for cargo to read the manifest
COPY benches ./benches
RUN mkdir -p src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && cargo fetch --locked \
    && rm -rf src
COPY . .
# The cache mounts keep compiled dependencies between builds (BuildKit).
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target \
    cargo build --release --locked --bin newsevents \
    && install -m 0755 target/release/newsevents /usr/local/bin/newsevents

FROM ${RUNTIME_IMAGE} AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin newsevents
COPY --from=builder /usr/local/bin/newsevents /usr/local/bin/newsevents
USER 10001:10001
ENV NEWSEVENTS__HTTP__LISTEN=0.0.0.0:8080 \
    NEWSEVENTS__LOG__FORMAT=json
EXPOSE 8080
# /readyz answers 200 once connected to NATS with the consumer bound (bash, no curl needed).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200'"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/newsevents"]
CMD ["run"]
