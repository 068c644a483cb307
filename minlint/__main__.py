from minlint.client import main

main()
