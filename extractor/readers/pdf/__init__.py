"""The PDF reader: chars and ruling lines into the report's text form, and spans back onto pages."""
