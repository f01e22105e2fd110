//! The NATS edge: JetStream source (consumer, acks, DLQ), sink (publish with msg-id) and
//! KV-backed dedup state.

pub mod state;
