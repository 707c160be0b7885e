# Recipes for working on cvfilter; `pip install -e ".[dev]"` installs `just`.

# Build the example CV into build/
build:
    cv build

# Run the whole test suite (installs what it needs first)
test *args:
    bash scripts/test.sh {{args}}

# Validate the example CV
check:
    cv check

# Benchmark cv on the example and on synthetic CVs (a few minutes; `just bench --quick` for less)
bench *args:
    python bench/run.py {{args}}
