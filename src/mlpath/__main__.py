from mlpath.cli import main

raise SystemExit(main())
