"""The assembly: quotes, monthly statements and mode comparisons built from the rules."""
