"""Pure Python core: money, rates, vocabulary, schedules and repayment state. No Qt, no SQL, no I/O."""
