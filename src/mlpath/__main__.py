from mlpath.launch import main

raise SystemExit(main())
