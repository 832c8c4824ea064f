"""Line reading: every line of the normalized text read once into a record, before any rule."""
