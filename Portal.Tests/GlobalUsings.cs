// The one set of test helpers (Support/) is in scope in every test file.
global using Portal.Tests.Support;
