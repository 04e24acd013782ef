// The async boundary Module Federation needs before any shared module (React, antd…) is used.
void import('./bootstrap');
