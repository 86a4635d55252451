package ma.hanout.relay;

/** A stored event ready to send: its id, when it was received (ms), and its SSE frame bytes. */
record EventFrame(long id, long receivedAtMillis, byte[] sse) {
}
