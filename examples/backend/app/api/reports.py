# Sales reports are not implemented yet: SPEC-REPORT-001 is active without code,
# which SpecChain reports as spec/no-implementation.
