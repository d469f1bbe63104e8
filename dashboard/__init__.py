"""Sales-accountability coaching dashboard: the product's logic, free of any UI."""
