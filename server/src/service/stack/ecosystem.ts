/** Package ecosystems: how names are compared and how version ranges read. */
export type Ecosystem = 'npm' | 'pypi' | 'go' | 'cargo' | 'maven' | 'packagist';
