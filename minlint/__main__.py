from minlint.cli import main

main()
