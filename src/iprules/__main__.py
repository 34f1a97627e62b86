from iprules.cli import main

raise SystemExit(main())
