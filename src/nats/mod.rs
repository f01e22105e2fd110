//! The NATS edge: connection, stream/consumer setup, JetStream source (consumer, acks),
//! sink (publish with msg-id), DLQ and KV-backed dedup state.

mod block_json;
pub mod connect;
pub mod dlq;
pub mod setup;
pub mod sink;
pub mod source;
pub mod state;

/// The dedup store the worker uses.
pub use state as store;
