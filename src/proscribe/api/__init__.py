"""HTTP adapter: FastAPI app, auth, problem+json errors. Wiring only."""
