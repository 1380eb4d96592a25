#!/usr/bin/env node
// Intentionally empty: the postinstall of @carbon/grid and @carbon/layout calls `ibmtelemetry`; this one collects
// and sends nothing and starts no background process (see the README, "Installing without telemetry").
