// The async boundary Module Federation needs: shared singletons are negotiated before any of the
// shell's code (which imports React, antd…) runs.
void import('./bootstrap');
