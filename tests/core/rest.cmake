# REST-side unit tests (models, PlatformClient, SessionOpener, CredentialStore).
