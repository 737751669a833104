"""The stream tier: a worker consuming listing events from Redis Streams."""
