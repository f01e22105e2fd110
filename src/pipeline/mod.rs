//! The pure, synchronous core: text in, event candidates out. No I/O.

pub mod extract;
pub mod normalize;
pub mod sentences;
