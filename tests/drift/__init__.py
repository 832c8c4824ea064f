"""The drift suite: the 2019 report rewritten as other years and converters write it.

A package, so that its `conftest` and helper modules do not take the names
`conftest` and friends that the tests one folder up import.
"""
