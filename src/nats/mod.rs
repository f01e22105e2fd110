//! The NATS edge: connection, stream/consumer setup, JetStream source (consumer, acks),
//! sink (publish with msg-id), DLQ and KV-backed dedup state.

pub mod connect;
pub mod dlq;
pub mod setup;
pub mod sink;
pub mod source;
pub mod state;
pub mod state_shim;

/// The dedup store the worker uses (switches to `state` once helper `dedup` lands).
pub use state as store;
