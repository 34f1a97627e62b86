"""iprules: the Maojian District IP-service working mechanism as checkable rules."""

__version__ = "0.1.0"
